"""Translation engines: lift (default), model and auto (later issues)."""
