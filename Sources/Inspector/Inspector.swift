// The Inspector module; see the architecture notes.
