// expect: timeout
// limits: timeout_ms=300
while (true) {}
