return { int = 42, neg = -7, float = 1.5, text = "hi", yes = true, no = false }
