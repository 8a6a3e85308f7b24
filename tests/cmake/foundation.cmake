# The command's own plumbing: help, version, usage errors.
myoref_cli_test("cli: help lists commands" COMMAND $<TARGET_FILE:myoref_cli> help
  STDOUT_CONTAINS "usage: myoref COMMAND" "Exit status" "myoref assess " "myoref kb check "
  "myoref muscle " "myoref plan start " "myoref render muscle " "myoref report ")
myoref_cli_test("cli: version" COMMAND $<TARGET_FILE:myoref_cli> --version
  STDOUT_CONTAINS "myoref ${PROJECT_VERSION}")
myoref_cli_test("cli: unknown command is a usage error" COMMAND $<TARGET_FILE:myoref_cli> frobnicate
  EXPECT_EXIT 2 STDERR_CONTAINS "unknown command 'frobnicate'")
myoref_cli_test("cli: no command is a usage error" COMMAND $<TARGET_FILE:myoref_cli>
  EXPECT_EXIT 2)
