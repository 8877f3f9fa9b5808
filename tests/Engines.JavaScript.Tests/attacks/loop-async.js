// expect: memory_limit|instruction_limit|timeout
while (true) { await null; }
