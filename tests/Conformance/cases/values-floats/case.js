return { sum: 0.1 + 0.2, half: 1 / 2, neg: -2.25, exp: 1e21, tiny: 5e-324 };
