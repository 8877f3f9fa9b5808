return llm.complete("hi there")
