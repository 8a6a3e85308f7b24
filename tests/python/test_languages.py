"""Languages (docs/languages.md): the same results in every language except
the words, and a plan made in English read, continued and logged in Spanish."""

from __future__ import annotations

import json
import pathlib

import pytest

import myoref

INTAKES = sorted((pathlib.Path(__file__).resolve().parents[2] / "examples" / "intakes").glob("*.json"))

# Members of an assessment document whose text is words a person reads. Every
# other member (ids, keys, levels, scores, numbers, the knowledge base's hash)
# must be identical in every language.
WORDS = {"why", "text", "reasons", "name", "advice", "reason", "about", "what", "question",
         "advice_text", "title", "area", "basis"}


def same_except_words(a, b, path="", key=None):
    if isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), path
        for k in a:
            same_except_words(a[k], b[k], path + "/" + k, k)
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            same_except_words(x, y, "%s/%d" % (path, i), key)
    elif isinstance(a, str) and key in WORDS:
        assert isinstance(b, str) and b.strip(), path  # never empty
    else:
        assert a == b, path


@pytest.fixture(scope="module")
def en():
    return myoref.KnowledgeBase.default()


@pytest.fixture(scope="module")
def es():
    return myoref.KnowledgeBase.default(lang="es")


def test_the_language_keeps_the_hash(en, es):
    assert es.locale == "es" and en.locale == "en"
    assert es.hash == en.hash
    assert myoref.KnowledgeBase.default(lang="es-MX").hash == en.hash
    assert "es" in myoref.KnowledgeBase.builtin_locales()


@pytest.mark.parametrize("intake", INTAKES, ids=lambda p: p.stem)
def test_same_assessment_in_every_language_but_the_words(en, es, intake):
    text = intake.read_text(encoding="utf-8")
    a = json.loads(en.assess(text).to_json())
    b = json.loads(es.assess(text).to_json())
    same_except_words(a, b)


def test_spanish_words_and_numbers(es):
    intake = (INTAKES[0].parent / "gluteus_medius_classic.json").read_text(encoding="utf-8")
    text = es.assess(intake).to_text()
    assert "Glúteo medio, lado izquierdo" in text
    assert "peso 0,6" in text  # the decimal comma
    assert "Esto no es un diagnóstico" in text


def test_a_plan_made_in_english_is_continued_and_logged_in_spanish(en, es):
    intake = (INTAKES[0].parent / "gluteus_medius_classic.json").read_text(encoding="utf-8")
    plan_en = myoref.Plan.start(en, en.assess(intake))
    document = plan_en.to_json()
    plan_es = myoref.Plan.from_json(es, document)  # no kb_mismatch
    assert plan_es.target == plan_en.target
    assert plan_es.to_json() == document  # the plan document has no language
    assert plan_es.reason.startswith("Glúteo medio (lado izquierdo) es el primero")  # said in Spanish
    assert plan_en.reason.startswith("Gluteus medius (left) is first")
    step = plan_es.next_step()
    session = {"date": "2026-12-08", "target": plan_es.target,
               "steps": ["release", "stretch", "strengthen"],
               "pain_before": 6, "pain_after": 4, "red_flags": []}
    decision_es = plan_es.log(session)
    decision_en = myoref.Plan.from_json(en, document).log(session)
    assert plan_es.to_json() != document
    # Logged in Spanish, the document is the one English logging gives.
    plan_en2 = myoref.Plan.from_json(en, document)
    plan_en2.log(session)
    assert plan_es.to_json() == plan_en2.to_json()
    assert myoref.Plan.from_json(en, plan_es.to_json()).target == plan_en.target
    assert step is not None and decision_es is not None and decision_en is not None


def test_a_plan_started_in_english_gives_its_triage_advice_in_spanish(en, es):
    # The plan stores the age rule's advice as given (English); continued with
    # the Spanish knowledge base, its next step says that advice in Spanish,
    # and a plan started in Spanish says it in English with the English base.
    intake = json.loads((INTAKES[0].parent / "age_rule_new_pain_at_68.json").read_text("utf-8"))
    intake["red_flags_denied"] = [q["id"] for q in en.questions(intake)]
    intake = json.dumps(intake)
    plan_en = myoref.Plan.start(en, en.assess(intake))
    english = en.age_rule.advice
    assert english in plan_en.triage_advice and english in plan_en.next_step().advice
    step_es = myoref.Plan.from_json(es, plan_en.to_json()).next_step()
    assert es.age_rule.advice in step_es.advice and english not in step_es.advice
    plan_es = myoref.Plan.start(es, es.assess(intake))
    assert es.age_rule.advice in plan_es.triage_advice
    step_en = myoref.Plan.from_json(en, plan_es.to_json()).next_step()
    assert english in step_en.advice and es.age_rule.advice not in step_en.advice


def test_messages_and_doses_in_the_language(en, es):
    dose = en.exercises["gluteus_medius_clamshell"].dose
    assert en.dose_text(dose) == str(dose)
    # The frequency is the exercise's words: the Spanish base's dose has them.
    dose = es.exercises["gluteus_medius_clamshell"].dose
    assert es.dose_text(dose) == "3 series de 12 repeticiones, cada lado, 3 veces por semana"
    assert en.message("equipment.foam_roller") == "foam roller"
    assert es.message("equipment.foam_roller") == "rodillo de espuma"
    assert es.message("no.such.key") == "no.such.key"


def test_missing_strings_fall_back_to_english_never_empty(en):
    pack = json.dumps({"region.sacrum.name": "Sacro", "text.not_a_diagnosis": ""})
    kb = en.localized("fr", pack)  # a language the library has not: the host's pack
    assert kb.locale == "fr"
    assert kb.regions["sacrum"].name == "Sacro"
    assert kb.regions["buttock_upper"].name == "Upper buttock"  # English, not empty


def test_a_host_pack_may_give_a_whole_language(en):
    # Every Spanish word the library has, given by a host as its own "fr" pack:
    # thousands of keys in one object (the intake's limits would refuse it).
    root = pathlib.Path(__file__).resolve().parents[2] / "data" / "locales" / "es"
    pack = {}
    for path in [root / "messages.json", root / "kb.json"] + sorted((root / "kb").glob("*.json")):
        pack.update({k: v for k, v in json.loads(path.read_text("utf-8")).items()
                     if not k.startswith("@")})
    assert len(pack) > 2000
    text = json.dumps(pack, ensure_ascii=False)
    kb = en.localized("fr", text)
    assert kb.regions["sacrum"].name == pack["region.sacrum.name"]
    check = en.check_locale("fr", text)
    assert check["unknown"] == [] and check["placeholders"] == []
    assert check["missing"] == [] and check["complete"]


def test_check_reports_missing_and_placeholders(en):
    check = en.check_locale("es")
    assert check["complete"] and check["missing"] == []  # Spanish is complete
    assert check["placeholders"] == [] and check["unknown"] == []
    # A pack that gives only some keys leaves the rest missing, listed by key.
    check = en.check_locale("fr", json.dumps({"region.sacrum.name": "Sacrum"}))
    assert not check["complete"]
    assert "region.buttock_upper.name" in check["missing"]
    assert "region.sacrum.name" not in check["missing"]
    bad = json.dumps({"reason.essential_zone": "Dolor en la zona {zona}", "no.such.key": "x"})
    check = en.check_locale("es", bad)
    assert "reason.essential_zone: lost {regions}" in check["placeholders"]
    assert "reason.essential_zone: added {zona}" in check["placeholders"]
    assert check["unknown"] == ["no.such.key"]
    with pytest.raises(myoref.Error):
        en.localized("xx")


def test_problems_found_in_what_a_person_gave_are_in_the_language(en, es):
    # The error code, the paths and the order are the same; the messages are Spanish.
    bad = {"pain": [{"region": "sacrum", "intensity": 12}], "sex": "F"}
    with pytest.raises(myoref.InputError) as english:
        en.assess(bad)
    with pytest.raises(myoref.InputError) as spanish:
        es.assess(bad)
    assert spanish.value.code == english.value.code == "invalid_input"
    assert [d.path for d in spanish.value.diagnostics] == [d.path for d in english.value.diagnostics]
    assert spanish.value.message == "el cuestionario no es válido: 2 problemas"
    assert spanish.value.diagnostics[0].message.startswith("12 está fuera de rango")
    assert '(¿quería decir "female"?)' in spanish.value.diagnostics[1].message
    # A session a plan refuses, too.
    intake = (INTAKES[0].parent / "gluteus_medius_classic.json").read_text(encoding="utf-8")
    plan = myoref.Plan.start(es, es.assess(intake))
    session = {"date": "2026-02-30", "target": plan.target, "steps": ["stretch", "release"],
               "pain_before": 6, "pain_after": 4, "red_flags": []}
    with pytest.raises(myoref.InputError) as refused:
        plan.log(session)
    messages = {d.path: d.message for d in refused.value.diagnostics}
    assert "ese mes no tiene ese día" in messages["/date"]
    assert "release va después de stretch" in messages["/steps/1"]
    assert refused.value.message == "sesión rechazada; el plan no ha cambiado"
