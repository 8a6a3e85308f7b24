# The knowledge base from the command line: `myoref kb check` and `myoref muscle`.
set(kb_data ${PROJECT_SOURCE_DIR}/tests/data/kb)
set(myoref $<TARGET_FILE:myoref_cli>)

myoref_cli_test("kb: check passes on the default knowledge base"
  COMMAND ${myoref} kb check ${MYOREF_DEFAULT_KB_JSON}
  STDOUT_CONTAINS "a valid knowledge base" "id:        myoref-default" "hash:      " "muscles:   ")
myoref_cli_test("kb: check passes on minimal.json and counts its parts"
  COMMAND ${myoref} kb check ${kb_data}/minimal.json
  STDOUT_CONTAINS "id:        myoref-test-minimal" "version:   1.0.0"
                  "regions:   7 (11 region keys)" "muscles:   3 (5 candidates, 4 trigger points)"
                  "exercises: 10" "chart:     15 shapes, 7 marks")
myoref_cli_test("kb: check lists every error with its path and exits 3"
  COMMAND ${myoref} kb check ${kb_data}/malformed_several.json
  EXPECT_EXIT 3
  STDERR_CONTAINS "malformed_several.json: the knowledge base has 6 errors"
    "  /title: required field \"title\" is missing"
    "  /muscles/0/trigger_points/0/spillover/0: unknown region \"buttock_uper\" (did you mean \"buttock_upper\"?)"
    "  /muscles/1/protocol/release/0: exercise \"hip_cross_stretch\" is a stretch exercise, not release"
    "  /muscles/1/protocol/release/0: exercise \"hip_cross_stretch\" does not list \"iliopsoas\" in its targets"
    "  /exercises/4/dose/hold_seconds: must be between 1 and 600, found 900"
    "  /chart/shapes/3/points/1/0: must be between 0 and 200, found 201")
myoref_cli_test("kb: check on text that is not JSON names the line"
  COMMAND ${myoref} kb check ${kb_data}/not_json.json
  EXPECT_EXIT 3 STDERR_CONTAINS "not_json.json: knowledge base is not valid JSON" "line 3")
myoref_cli_test("kb: check reads standard input for -"
  COMMAND ${myoref} kb check - STDIN ${kb_data}/minimal.json
  STDOUT_CONTAINS "-: a valid knowledge base")
myoref_cli_test("kb: check on a missing file exits 3"
  COMMAND ${myoref} kb check ${kb_data}/no_such_file.json
  EXPECT_EXIT 3 STDERR_CONTAINS "no_such_file.json: cannot open")
myoref_cli_test("kb: without check is a usage error"
  COMMAND ${myoref} kb ${kb_data}/minimal.json
  EXPECT_EXIT 2 STDERR_CONTAINS "usage: kb check KB.json")

myoref_cli_test("muscle: text shows the whole record"
  COMMAND ${myoref} muscle gluteus_medius --kb ${kb_data}/minimal.json
  GOLDEN ${kb_data}/muscle_gluteus_medius.txt)
myoref_cli_test("muscle: an alias finds its muscle"
  COMMAND ${myoref} muscle psoas --kb ${kb_data}/minimal.json
  STDOUT_CONTAINS "Iliopsoas (iliopsoas)" "Also called: psoas, iliacus")
myoref_cli_test("muscle: json is the canonical object and its exercises"
  COMMAND ${myoref} muscle levator_ani --format json --kb ${kb_data}/minimal.json
  GOLDEN ${kb_data}/muscle_pelvic_floor.json)
myoref_cli_test("muscle: unknown id exits 3 with a suggestion"
  COMMAND ${myoref} muscle gluteus_medus --kb ${kb_data}/minimal.json
  EXPECT_EXIT 3 STDERR_CONTAINS "unknown muscle \"gluteus_medus\" (did you mean \"gluteus_medius\"?)")
myoref_cli_test("muscle: a malformed --kb names the file and the paths"
  COMMAND ${myoref} muscle gluteus_medius --kb ${kb_data}/malformed_several.json
  EXPECT_EXIT 3 STDERR_CONTAINS "malformed_several.json: the knowledge base has 6 errors"
    "  /title: required field")
myoref_cli_test("muscle: an unknown format is a usage error"
  COMMAND ${myoref} muscle gluteus_medius --format yaml --kb ${kb_data}/minimal.json
  EXPECT_EXIT 2 STDERR_CONTAINS "--format is text or json")
myoref_cli_test("muscle: from the built-in knowledge base, by alias"
  COMMAND ${myoref} muscle psoas
  STDOUT_CONTAINS "Iliopsoas (iliopsoas)" "Trigger points and where they send pain"
                  "Self-care protocol (in this order)")
