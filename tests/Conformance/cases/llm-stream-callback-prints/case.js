await llm.stream("a b", { model: "reverse" }, (chunk) => print("chunk[" + chunk + "]"));
