return { list = json.array(), map = {}, decoded = json.decode("[]") }
