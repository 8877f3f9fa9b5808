// expect: instruction_limit|timeout
for (let i = 0; i < 100; i++) { try { while (true) {} } catch (e) {} }
return "escaped";
