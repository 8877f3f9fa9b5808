return await llm.complete("hi there");
