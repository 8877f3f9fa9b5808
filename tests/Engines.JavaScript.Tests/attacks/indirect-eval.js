// expect: runtime_error String compilation has been disabled
return (0, globalThis.eval)("1 + 1");
