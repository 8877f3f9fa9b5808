return llm.providers()
