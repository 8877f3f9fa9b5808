const x = 1;
throw new Error("something broke");
