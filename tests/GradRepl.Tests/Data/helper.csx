double Twice(double x) => 2 * x;
