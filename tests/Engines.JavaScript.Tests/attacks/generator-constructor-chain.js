// expect: runtime_error String compilation has been disabled
return (function* () {}).constructor("yield 1")().next();
