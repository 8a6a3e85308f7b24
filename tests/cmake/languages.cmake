# Languages (docs/languages.md): --lang on the command, the Spanish text and
# HTML reports, and `myoref kb check --lang`.
set(MYOREF_INTAKES ${PROJECT_SOURCE_DIR}/examples/intakes)
set(MYOREF_LANG_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/languages)

# The text report in Spanish (MYOREF_UPDATE_GOLDEN=1 rewrites the goldens).
foreach(name gluteus_medius_classic red_flag_emergency_cauda_equina bilateral_low_back)
  myoref_cli_test("languages: ${name} (text, es)"
    COMMAND $<TARGET_FILE:myoref_cli> assess ${MYOREF_INTAKES}/${name}.json --lang es
    GOLDEN ${MYOREF_LANG_GOLDEN}/${name}.es.txt LABELS languages)
endforeach()
myoref_cli_test("languages: es-MX falls back to es"
  COMMAND $<TARGET_FILE:myoref_cli> assess ${MYOREF_INTAKES}/gluteus_medius_classic.json --lang es-MX
  GOLDEN ${MYOREF_LANG_GOLDEN}/gluteus_medius_classic.es.txt LABELS languages)
myoref_cli_test("languages: a language the library has not is a usage error"
  COMMAND $<TARGET_FILE:myoref_cli> assess ${MYOREF_INTAKES}/gluteus_medius_classic.json --lang xx
  EXPECT_EXIT 2 STDERR_CONTAINS "no language \"xx\"" LABELS languages)
myoref_cli_test("languages: kb check --lang en is complete"
  COMMAND $<TARGET_FILE:myoref_cli> kb check --lang en
  STDOUT_CONTAINS "missing:      0" LABELS languages)
# Spanish is complete: every key of the knowledge base and of the catalogue,
# no placeholder lost or added, no unknown key (exit 0).
myoref_cli_test("languages: kb check --lang es is complete"
  COMMAND $<TARGET_FILE:myoref_cli> kb check --lang es
  STDOUT_CONTAINS "missing:      0" "placeholders: 0 problems" "unknown:      0" LABELS languages)
myoref_cli_test("languages: kb check reports a lost and an added placeholder"
  COMMAND $<TARGET_FILE:myoref_cli> kb check --lang es
          --locale-pack ${CMAKE_CURRENT_SOURCE_DIR}/data/locale/lost_placeholder.json
  EXPECT_EXIT 1
  STDOUT_CONTAINS "placeholder: reason.essential_zone: lost {regions}"
    "placeholder: reason.essential_zone: added {zona}" LABELS languages)
# `myoref muscle` in Spanish: the command's headings and the muscle's words.
myoref_cli_test("languages: myoref muscle --lang es"
  COMMAND $<TARGET_FILE:myoref_cli> muscle gluteus_medius --lang es
  STDOUT_CONTAINS "Dónde está" "Cubierto por: piel, grasa" "Puntos gatillo y adónde envían el dolor"
    "Protocolo de autocuidado (en este orden)" "Liberación con pelota contra la pared"
  LABELS languages)
# A plan's next step and a logged session in Spanish.
myoref_cli_test("languages: plan next --lang es"
  COMMAND $<TARGET_FILE:myoref_cli> plan next ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/plan-fresh.json
          --kb ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/kb.json --lang es
  STDOUT_CONTAINS "Por qué: " "Paso 1 de 3: liberación" "Dosis: mantener" LABELS languages)
# The locale bundler joins a language's kb/MUSCLE.json files into its "kb"
# part, and refuses a key that two files give (instead of keeping either).
add_test(NAME "languages: the locale bundler joins a part's files, refuses a key given twice"
  COMMAND ${MYOREF_HOST_PYTHON} ${PROJECT_SOURCE_DIR}/tests/tools/locale_bundle_test.py
          ${PROJECT_SOURCE_DIR}/tools/locale_bundle.py
          ${CMAKE_CURRENT_SOURCE_DIR}/data/locale/bundle ${CMAKE_CURRENT_BINARY_DIR}/locale_bundle_test)
set_tests_properties("languages: the locale bundler joins a part's files, refuses a key given twice"
  PROPERTIES LABELS languages)
# No English left on any muscle's page in Spanish: headings, doses, equipment,
# decimals, codes and every muscle's and exercise's words.
add_test(NAME "languages: no English line on the 70 muscle pages in Spanish"
  COMMAND ${MYOREF_HOST_PYTHON} ${PROJECT_SOURCE_DIR}/tests/tools/no_english_left.py
          $<TARGET_FILE:myoref_cli> es ${PROJECT_SOURCE_DIR}/data/kb/muscles)
set_tests_properties("languages: no English line on the 70 muscle pages in Spanish" PROPERTIES
  LABELS languages)
# One whole muscle page in Spanish, as it must read (MYOREF_UPDATE_GOLDEN=1 rewrites it).
myoref_cli_test("languages: myoref muscle gracilis --lang es (golden)"
  COMMAND $<TARGET_FILE:myoref_cli> muscle gracilis --lang es
  GOLDEN ${MYOREF_LANG_GOLDEN}/muscle_gracilis.es.txt LABELS languages)
# The pictures' words for screen readers, the FHIR Bundle's words, and the
# problems found in what a person gave, in Spanish.
myoref_cli_test("languages: render muscle --lang es describes the chart in Spanish"
  COMMAND $<TARGET_FILE:myoref_cli> render muscle gluteus_medius --lang es --out -
  STDOUT_CONTAINS "<desc id=\"myoref-desc\">Patrón de dolor referido de Glúteo medio"
    "Zona de extensión (dolor en algunas personas): " LABELS languages)
myoref_cli_test("languages: fhir --lang es: the Bundle's words in Spanish, with its language"
  COMMAND $<TARGET_FILE:myoref_cli> fhir ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/assessment-glute.json
          --kb ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/kb.json --lang es --date 2026-11-24
  STDOUT_CONTAINS "\"language\": \"es\"" "\"text\": \"Síntomas\"" "\"text\": \"Señales de alarma\""
    "\"text\": \"Edad en años\"" "\"text\": \"Triaje: autocuidado\"" "Posibles orígenes musculares"
    "Dolor ahora, 0-10" "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    "Puesto 1 de 6, puntuación 0,90."
  LABELS languages interop)
myoref_cli_test("languages: fhir of a plan --lang es"
  COMMAND $<TARGET_FILE:myoref_cli> fhir ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/plan-two-sessions.json
          --kb ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/kb.json --lang es
  STDOUT_CONTAINS "\"language\": \"es\"" "Dolor antes de la sesión de autocuidado, 0-10"
    "Sesión 2 del plan de autocuidado, objetivo " LABELS languages interop)
myoref_cli_test("languages: a bad intake's problems in Spanish, paths unchanged"
  COMMAND $<TARGET_FILE:myoref_cli> assess ${CMAKE_CURRENT_SOURCE_DIR}/data/locale/intake-bad.json
          --lang es
  EXPECT_EXIT 3
  STDERR_CONTAINS "el cuestionario no es válido: 3 problemas"
    "/pain/0/region: zona desconocida \"upper_butock\" (¿quería decir "
    "/pain/0/intensity: 12 está fuera de rango: se esperaba un número entero de 0 a 10"
    "/sex: se esperaba \"female\" (mujer) o \"male\" (hombre)" LABELS languages)
myoref_cli_test("languages: a refused session's problems in Spanish, the plan untouched"
  COMMAND $<TARGET_FILE:myoref_cli> plan log ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/plan-fresh.json
          ${CMAKE_CURRENT_SOURCE_DIR}/data/locale/session-bad.json
          --kb ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/kb.json --lang es
  EXPECT_EXIT 3
  STDERR_CONTAINS "sesión rechazada; el plan no ha cambiado"
    "/date: \"2026-02-30\": ese mes no tiene ese día" "/steps/1: release va después de stretch"
  UNCHANGED ${CMAKE_CURRENT_SOURCE_DIR}/data/plan/plan-fresh.json LABELS languages)
