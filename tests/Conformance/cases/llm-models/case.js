return { mock: await llm.models("mock"), default: await llm.models() };
