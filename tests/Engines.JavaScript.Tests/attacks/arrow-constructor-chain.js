// expect: runtime_error String compilation has been disabled
return (() => 1).constructor("return this")();
