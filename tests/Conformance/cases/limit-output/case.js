for (let i = 1; i <= 1000; i++) print("line " + i);
