// The Scenarios module; see the architecture notes.
