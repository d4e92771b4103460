// The RPCEngine module; see the architecture notes.
