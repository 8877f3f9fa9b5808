// expect: memory_limit|runtime_error
let s = "x";
while (true) { s = s + s; s.charCodeAt(s.length - 1); }
