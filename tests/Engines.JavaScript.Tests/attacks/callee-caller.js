// expect: runtime_error
function f() { return arguments.callee.caller; }
return f();
