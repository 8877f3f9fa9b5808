return { missing = state.get("never-set") == nil }
