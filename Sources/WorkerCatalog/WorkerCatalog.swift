// The WorkerCatalog module; see the architecture notes.
