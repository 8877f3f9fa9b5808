// expect: output_limit
for (let i = 0; i < 1000; i++) { try { print("z".repeat(1000)); } catch (e) {} }
return "escaped";
