// expect: runtime_error
const a = {};
a.self = a;
return JSON.stringify(a);
