// expect: runtime_error process is not defined
return process.env.HOME;
