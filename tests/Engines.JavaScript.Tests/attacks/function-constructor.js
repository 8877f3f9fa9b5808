// expect: runtime_error String compilation has been disabled
return Function("return this")();
