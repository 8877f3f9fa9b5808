// expect: runtime_error String compilation has been disabled
return eval("1 + 1");
