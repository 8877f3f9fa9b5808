return llm.providers();
