// expect: output_limit
while (true) print("z".repeat(1000));
