"""KnowledgeBase and its records."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import myoref


def test_default_is_loaded_and_described(kb):
    assert kb.id == "myoref-default"
    assert kb.version
    assert kb.title
    assert len(kb.hash) == 64 and all(c in "0123456789abcdef" for c in kb.hash)
    text = repr(kb)
    assert text.startswith("<KnowledgeBase myoref-default ")
    assert f"{len(kb.muscles)} muscles" in text
    assert kb.hash[:12] in text


def test_default_is_the_same_every_time(kb):
    again = myoref.KnowledgeBase.default()
    assert again == kb
    assert hash(again) == hash(kb)


def test_to_json_round_trips(kb):
    text = kb.to_json()
    loaded = myoref.KnowledgeBase.from_json(text)
    assert loaded == kb
    assert loaded.hash == kb.hash
    assert loaded.to_json() == text
    assert myoref.KnowledgeBase.from_json(text.encode()) == kb


def test_another_knowledge_base_is_not_equal(kb, other_kb):
    assert other_kb.id == "myoref-test-copy"
    assert other_kb != kb
    assert other_kb.hash != kb.hash
    assert kb != "myoref-default"


def test_from_json_reports_every_problem_with_its_path(kb):
    doc = json.loads(kb.to_json())
    doc["muscles"][0]["related"].append("no_such_muscle")
    doc["regions"][0]["laterality"] = "sideways"
    with pytest.raises(myoref.InputError) as info:
        myoref.KnowledgeBase.from_json(json.dumps(doc))
    err = info.value
    assert err.code == "invalid_input"
    paths = [d.path for d in err.diagnostics]
    assert len(err.diagnostics) >= 2
    assert any(p.startswith("/muscles/0/related") for p in paths)
    assert any(p.startswith("/regions/0") for p in paths)
    assert err.path == err.diagnostics[0].path


def test_from_json_parse_error_and_type_error():
    with pytest.raises(myoref.ParseError) as info:
        myoref.KnowledgeBase.from_json("{not json")
    assert isinstance(info.value, myoref.InputError)
    assert "line 1" in str(info.value)
    with pytest.raises(TypeError):
        myoref.KnowledgeBase.from_json(42)


def test_region_and_candidate_keys(kb):
    regions = kb.region_keys()
    candidates = kb.candidate_keys()
    assert len(regions) == len(set(regions))
    assert len(candidates) == len(set(candidates))
    assert "buttock_upper:left" in regions and "sacrum" in regions
    assert "gluteus_medius:left" in candidates and "gluteus_medius:right" in candidates
    # Every region gives its keys, in order, and they are the region keys.
    flat = [key for region in kb.regions for key in region.keys]
    assert flat == regions
    flat = [key for muscle in kb.muscles for key in muscle.candidates]
    assert flat == candidates


def test_catalogs_are_sequences_indexed_by_id(kb):
    muscles = kb.muscles
    assert isinstance(muscles, myoref.Catalog)
    assert len(muscles) == len(list(muscles)) > 0
    first = muscles[0]
    assert muscles[first.id] == first
    assert muscles[-1] == list(muscles)[-1]
    assert muscles[:2] == (muscles[0], muscles[1])
    assert "gluteus_medius" in muscles
    assert "psoas" in muscles  # an alias
    assert "no_such_muscle" not in muscles
    assert first in muscles
    assert muscles.get("no_such_muscle") is None
    assert muscles.get("no_such_muscle", 7) == 7
    assert muscles.ids()[0] == first.id
    assert repr(muscles).startswith(f"<{len(muscles)} muscles: {first.id}")
    assert kb.citations.ids()[0] == kb.citations[0].key
    for catalog in (kb.regions, kb.findings, kb.red_flags, kb.exercises, kb.citations):
        assert len(catalog) > 0
        ids = catalog.ids()
        assert catalog[ids[-1]] == catalog[len(catalog) - 1]


def test_lookups_raise_not_found_with_a_suggestion(kb):
    with pytest.raises(myoref.NotFound) as info:
        kb.muscle("gluteus_medus")
    err = info.value
    assert isinstance(err, KeyError)
    assert err.code == "not_found"
    assert 'did you mean "gluteus_medius"?' in str(err)
    with pytest.raises(KeyError):
        kb.muscles["gluteus_medus"]
    for lookup in (kb.region, kb.finding, kb.red_flag, kb.exercise, kb.citation):
        with pytest.raises(myoref.NotFound):
            lookup("zzz_nothing_like_it")
    with pytest.raises(myoref.NotFound) as info:
        kb.region("buttock_uper")
    assert "buttock_upper" in str(info.value)


def test_alias_finds_the_muscle(kb):
    psoas = kb.muscle("psoas")
    assert psoas.id == "iliopsoas"
    assert "psoas" in psoas.aliases


def test_region_record(kb):
    region = kb.region("buttock_upper")
    assert region.id == "buttock_upper"
    assert region.name and region.what
    assert region.laterality == "paired"
    assert region.view in ("front", "back", "both")
    assert region.keys == ["buttock_upper:left", "buttock_upper:right"]
    sacrum = kb.regions["sacrum"]
    assert sacrum.laterality == "midline" and sacrum.keys == ["sacrum"]
    assert repr(region).startswith("<Region buttock_upper ")


def test_finding_red_flag_and_age_rule(kb):
    walking = kb.findings["walking"]
    assert walking.id == "walking" and walking.question.endswith("?") and walking.what
    assert "walking" in repr(walking)
    flag = kb.red_flags["saddle_numbness"]
    assert flag.level == "emergency"
    assert flag.question and flag.advice and flag.cite
    assert all(key in kb.citations for key in flag.cite)
    assert repr(flag) == "<RedFlag saddle_numbness emergency>"
    rule = kb.age_rule
    assert rule.level in ("see_clinician", "urgent", "emergency")
    assert 0 < rule.younger_than < rule.older_than
    assert rule.max_duration_days > 0 and rule.advice
    assert "AgeRule" in repr(rule)


def test_citation_record(kb):
    citation = kb.citations[0]
    assert citation.key and citation.text
    assert str(citation) == citation.text
    assert kb.citation(citation.key) == citation


def test_muscle_record(kb):
    m = kb.muscles["gluteus_medius"]
    assert m.id == "gluteus_medius" and m.name == "Gluteus medius"
    assert m.midline is False
    assert m.candidates == ["gluteus_medius:left", "gluteus_medius:right"]
    assert isinstance(m.summary, myoref.Statement)
    assert m.summary.text and m.summary.cite
    assert str(m.summary) == m.summary.text
    assert m.location.text
    assert isinstance(m.layer, myoref.Layer) and isinstance(m.layer.over, list)
    assert isinstance(m.attachments, myoref.Attachments)
    assert m.attachments.origin and m.attachments.insertion
    for statements in (m.actions, m.loaded_by, m.symptoms):
        assert statements and all(isinstance(s, myoref.Statement) for s in statements)
    assert isinstance(m.perpetuating_factors, list)
    assert isinstance(m.differentials, list)
    assert m.self_test.text
    assert m.fma is None or isinstance(m.fma, str)
    assert m.uberon is None or isinstance(m.uberon, str)
    assert "Muscle gluteus_medius 'Gluteus medius'" in repr(m)


def test_muscle_trigger_points_and_findings(kb):
    m = kb.muscles["gluteus_medius"]
    points = m.trigger_points
    assert points
    region_ids = set(kb.regions.ids())
    for tp in points:
        assert isinstance(tp, myoref.TriggerPoint)
        assert tp.id and tp.name and tp.location
        assert tp.essential and set(tp.essential) <= region_ids
        assert set(tp.spillover) <= region_ids
        assert tp.side in ("same", "opposite", "both", "midline")
        assert tp.cite
        assert tp.muscle == m
        assert repr(tp).startswith(f"<TriggerPoint gluteus_medius/{tp.id}: essential ")
    weights = m.findings
    assert weights
    for w in weights:
        assert isinstance(w.finding, myoref.Finding)
        assert w.id == w.finding.id
        assert -1.0 <= w.weight <= 1.0 and w.weight != 0
        assert w.id in repr(w)
    assert all(isinstance(r, myoref.Muscle) for r in m.related)
    assert m.related  # the article names quadratus lumborum and iliacus next


def test_muscle_protocol_and_exercises(kb):
    m = kb.muscles["gluteus_medius"]
    protocol = m.protocol
    assert list(protocol) == ["release", "stretch", "strengthen"]
    for step, exercises in protocol.items():
        assert exercises
        for e in exercises:
            assert isinstance(e, myoref.Exercise)
            assert e.step == step
            assert m in e.targets
            assert e.instructions and e.name
            assert isinstance(e.dose, myoref.Dose)
            assert str(e.dose)
            assert kb.exercises[e.id] == e
    exercise = protocol["strengthen"][0]
    assert exercise.id in repr(exercise) and "(strengthen)" in repr(exercise)
    dose = exercise.dose
    assert set(dose.to_dict()) == {"hold_seconds", "repetitions", "sets", "duration_seconds",
                                   "per_side", "frequency"}
    # The same keys, in the same order and with the same values, as the
    # canonical writer's: both come from one field table (myoref/schema.hpp).
    written = {e["id"]: e["dose"] for e in json.loads(kb.to_json())["exercises"]}
    for e in kb.exercises:
        assert list(e.dose.to_dict().items()) == list(written[e.id].items())
    assert any(v is not None for v in (dose.hold_seconds, dose.repetitions, dose.sets,
                                       dose.duration_seconds))
    assert repr(dose) == f"<Dose {str(dose)!r}>"
    variants = [e for e in kb.exercises if e.regression is not None or e.progression is not None]
    assert variants
    for e in variants:
        for other in (e.regression, e.progression):
            assert other is None or isinstance(other, myoref.Exercise)
    assert all(isinstance(e.equipment, list) and isinstance(e.cues, list)
               and isinstance(e.cautions, list) and isinstance(e.cite, list) for e in kb.exercises)



def test_exercise_ruled_out_by(kb):
    precautions = {"blood_thinners", "pregnant", "fragile_bones", "hip_replacement",
                   "recent_surgery", "hypermobility"}
    for e in kb.exercises:
        assert isinstance(e.ruled_out_by, list)
        assert set(e.ruled_out_by) <= precautions
        assert len(set(e.ruled_out_by)) == len(e.ruled_out_by)
    ball = kb.exercises["gluteus_medius_ball_wall_release"]
    assert "blood_thinners" in ball.ruled_out_by
    assert kb.exercises["gluteus_medius_hand_release"].ruled_out_by == []
    doc = kb.muscles["gluteus_medius"].to_dict()
    by_id = {e["id"]: e for e in doc["exercises"]}
    assert by_id[ball.id]["ruled_out_by"] == ball.ruled_out_by

def test_muscle_to_dict_matches_the_record(kb):
    m = kb.muscles["gluteus_medius"]
    doc = m.to_dict()
    assert doc == json.loads(m.to_json())
    assert doc["muscle"]["id"] == "gluteus_medius"
    assert [tp["id"] for tp in doc["muscle"]["trigger_points"]] == [tp.id for tp in m.trigger_points]
    ids = [e["id"] for e in doc["exercises"]]
    for exercises in m.protocol.values():
        assert all(e.id in ids for e in exercises)


def test_midline_muscle(kb, minimal_kb):
    assert not [m for m in kb.muscles if m.midline]  # every default muscle has sides
    midline = [m for m in minimal_kb.muscles if m.midline]
    assert midline
    m = midline[0]
    assert m.candidates == [m.id]
    assert "midline" in repr(m)


def test_records_compare_by_knowledge_base_and_index(kb, other_kb):
    a = kb.muscles["gluteus_medius"]
    assert a == kb.muscle("gluteus_medius")
    assert hash(a) == hash(kb.muscle("gluteus_medius"))
    assert a != kb.muscles["quadratus_lumborum"]
    assert a != other_kb.muscles["gluteus_medius"]
    assert a != "gluteus_medius"
    assert len({a, kb.muscle("gluteus_medius"), kb.muscles[1]}) == 2


def test_records_outlive_their_knowledge_base_object():
    muscle = myoref.KnowledgeBase.from_json(myoref.KnowledgeBase.default().to_json()).muscles[0]
    import gc

    gc.collect()
    assert muscle.trigger_points[0].essential


def test_knowledge_base_pickles_by_its_json(kb, other_kb):
    for k in (kb, other_kb):
        again = pickle.loads(pickle.dumps(k))
        assert again == k and again.id == k.id and again.to_json() == k.to_json()
    assert copy.copy(kb) == kb
    assert copy.deepcopy(kb) == kb


def test_library_version():
    assert myoref.__version__ == myoref.library_version()
    assert myoref.__version__.count(".") == 2


def test_record_to_dict_is_its_canonical_object(kb):
    # Each record's to_dict() is built from its field table (myoref/schema.hpp),
    # as the canonical writer's object is: the same keys in the same order and
    # the same values, so that a field added to a table shows here with no
    # second spelling in the bindings.
    doc = json.loads(kb.to_json())
    pairs = [(kb.citations, doc["citations"]), (kb.regions, doc["regions"]),
             (kb.findings, doc["findings"]), (kb.red_flags, doc["red_flags"]),
             (kb.exercises, doc["exercises"])]
    for records, written in pairs:
        records = list(records)
        assert len(records) == len(written)
        for record, obj in zip(records, written):
            assert list(record.to_dict()) == list(obj)
            assert record.to_dict() == obj
    muscles = {m["id"]: m for m in doc["muscles"]}
    for m in kb.muscles:
        obj = muscles[m.id]
        for tp, written in zip(m.trigger_points, obj["trigger_points"], strict=True):
            assert list(tp.to_dict()) == list(written)
            assert tp.to_dict() == written
        for w, written in zip(m.findings, obj["findings"], strict=True):
            assert list(w.to_dict()) == list(written)
            assert w.to_dict() == written


# --- Attributes from the field tables (myoref/schema.hpp) ---------------------

#: Every class whose attributes and to_dict() come from a field table.
TABLE_CLASSES = {"Statement", "Layer", "Attachments", "MemberCodes", "AgeRule",
                 "LookalikeFeatures", "Dose", "Citation", "Region", "Finding", "RedFlag",
                 "Precaution", "Screen", "TriageRule", "Lookalike", "TriggerPoint",
                 "FindingWeight", "Exercise", "Muscle"}


def plain(value):
    """An attribute's value as the canonical JSON gives it: a muscle or an
    exercise by its id, a nested record by its to_dict()."""
    if isinstance(value, (myoref.Muscle, myoref.Exercise)):
        return value.id
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def records_with_objects(kb):
    """(record object, its object in kb.to_json()) for every table-driven
    record of the knowledge base, nested ones included."""
    doc = json.loads(kb.to_json())
    out = [(kb.age_rule, doc["age_rule"])]
    for records, key in [(kb.citations, "citations"), (kb.regions, "regions"),
                         (kb.findings, "findings"), (kb.red_flags, "red_flags"),
                         (kb.precautions, "precautions"), (kb.screens, "screens"),
                         (kb.triage_rules, "rules"), (kb.lookalikes, "lookalikes"),
                         (kb.exercises, "exercises")]:
        written = doc.get(key, [])
        assert len(records) == len(written), key
        out += list(zip(records, written))
    out += [(x.features, obj["features"]) for x, obj in zip(kb.lookalikes, doc.get("lookalikes", []))]
    out += [(e.dose, obj["dose"]) for e, obj in zip(kb.exercises, doc["exercises"])]
    for m, obj in zip(kb.muscles, doc["muscles"], strict=True):
        for name in ("summary", "location", "layer", "attachments", "self_test"):
            out.append((getattr(m, name), obj[name]))
        for name in ("actions", "loaded_by", "perpetuating_factors", "symptoms", "differentials"):
            out += list(zip(getattr(m, name), obj[name], strict=True))
        out += list(zip(m.parts, obj.get("codes", {}).get("parts", []), strict=True))
        out += list(zip(m.trigger_points, obj["trigger_points"], strict=True))
        out += list(zip(m.findings, obj["findings"], strict=True))
    return out


def test_every_table_field_is_an_attribute():
    # The tables' field names (a group's, like a muscle's "codes", in its
    # place), read from the tables apart from the attributes: a field added to
    # a table and not exposed fails here.
    tables = myoref._core._schema_fields()
    assert set(tables) == TABLE_CLASSES
    for name, fields in tables.items():
        cls = getattr(myoref, name)
        assert fields, name
        missing = [f for f in fields if not isinstance(vars(cls).get(f), property)]
        assert not missing, f"{name}: {missing} are table fields but not attributes"
        for f in fields:
            assert vars(cls)[f].__doc__.strip(), f"{name}.{f} has no docstring"


@pytest.mark.parametrize("make", ["default", "minimal"])
def test_attributes_are_the_canonical_values(kb, minimal_kb, make):
    # For every table-driven record of a base: its attributes cover its
    # canonical object's keys, to_dict() is that object (keys in order), and
    # each attribute holds the same value (a Muscle or Exercise by id, a
    # nested record by its to_dict()).
    base = kb if make == "default" else minimal_kb
    tables = myoref._core._schema_fields()
    seen = set()
    for record, obj in records_with_objects(base):
        name = type(record).__name__
        seen.add(name)
        assert set(obj) <= set(tables[name]), (name, set(obj) - set(tables[name]))
        assert list(record.to_dict()) == list(obj), name
        assert record.to_dict() == obj, name
        for key, value in obj.items():
            expected = pytest.approx(value, abs=5e-4) if isinstance(value, float) else value
            assert plain(getattr(record, key)) == expected, (name, key)
    for m in base.muscles:
        obj = m.to_dict()["muscle"]
        codes = obj.pop("codes", {})
        for key, value in {**obj, **codes}.items():
            assert plain(getattr(m, key)) == value, (m.id, key)
    if make == "default":
        assert seen == TABLE_CLASSES - {"Muscle"}


def test_nested_records_to_dict(kb):
    m = kb.muscles["gluteus_medius"]
    written = m.to_dict()["muscle"]
    assert m.summary.to_dict() == written["summary"]
    assert m.layer.to_dict() == written["layer"]
    assert m.attachments.to_dict() == written["attachments"]
    assert [s.to_dict() for s in m.actions] == written["actions"]
    assert kb.age_rule.to_dict() == json.loads(kb.to_json())["age_rule"]
    grouped = next(m for m in kb.muscles if m.parts)
    assert all(isinstance(p, myoref.MemberCodes) for p in grouped.parts)
    assert [p.to_dict() for p in grouped.parts] == grouped.to_dict()["muscle"]["codes"]["parts"]
    assert kb.muscles["gluteus_medius"].parts == []


def test_precautions_screens_rules_and_lookalikes(kb):
    doc = json.loads(kb.to_json())
    kinds = [(kb.precautions, kb.precaution, myoref.Precaution, "precautions"),
             (kb.screens, kb.screen, myoref.Screen, "screens"),
             (kb.triage_rules, kb.triage_rule, myoref.TriageRule, "rules"),
             (kb.lookalikes, kb.lookalike, myoref.Lookalike, "lookalikes")]
    for catalog, lookup, cls, key in kinds:
        assert isinstance(catalog, myoref.Catalog)
        assert [r.id for r in catalog] == [obj["id"] for obj in doc[key]]
        for record in catalog:
            assert isinstance(record, cls)
            assert lookup(record.id) == record and catalog[record.id] == record
            assert hash(lookup(record.id)) == hash(record)
            assert repr(record).startswith(f"<{cls.__name__} {record.id} ")
        with pytest.raises(myoref.NotFound):
            lookup("no_such_record")
        assert "no_such_record" not in catalog
    p = kb.precaution("blood_thinners")
    assert p.name and p.what and p.changes and p.cite
    assert any("blood_thinners" in e.ruled_out_by for e in kb.exercises) or p.changes
    with pytest.raises(myoref.NotFound) as caught:
        kb.precaution("blood_thinner")
    assert "blood_thinners" in str(caught.value.diagnostics)
    s = kb.screen("heart_and_lungs")
    assert "chest" in s.regions and s.red_flags
    assert all(isinstance(f, str) and kb.red_flag(f) for f in s.red_flags)
    assert kb.triage_rule("under_16").level in ("see_clinician", "urgent", "emergency")
    x = kb.lookalike("nerve_root_leg")
    assert isinstance(x.features, myoref.LookalikeFeatures)
    assert x.features.to_dict() == x.to_dict()["features"]
    assert x.level in (None, "see_clinician", "urgent", "emergency")
    assert repr(x.features).startswith("<LookalikeFeatures regions=[")
    assert x != kb.lookalike(kb.lookalikes[1].id)


def test_a_base_without_precautions_has_empty_catalogs(minimal_kb):
    doc = json.loads(minimal_kb.to_json())
    assert len(minimal_kb.precautions) == len(doc.get("precautions", []))
    assert len(minimal_kb.lookalikes) == len(doc.get("lookalikes", []))
