return { mock = llm.models("mock"), default = llm.models() }
