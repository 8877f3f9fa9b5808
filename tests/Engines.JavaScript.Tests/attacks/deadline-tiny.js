// expect: timeout
// limits: timeout_ms=1
let n = 0;
for (let i = 0; i < 1e8; i++) n += i;
return n;
