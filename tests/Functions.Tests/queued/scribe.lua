return agent.create({ name = "scribe" }).run(input.text, { thread = input.thread })
