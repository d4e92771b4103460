// The TerminalUI module; see the architecture notes.
