// expect: runtime_error String compilation has been disabled
return llm.complete.constructor("return this")();
