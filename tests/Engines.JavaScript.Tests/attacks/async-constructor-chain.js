// expect: runtime_error String compilation has been disabled
return (async () => 1).constructor("return 1")();
