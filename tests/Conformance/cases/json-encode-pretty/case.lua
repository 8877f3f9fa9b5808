return json.encode({ a = { 1, 2 } }, { pretty = true })
