// The entry point only: everything lives in `Switchboard` and its subcommands (one file each).
Switchboard.main()
