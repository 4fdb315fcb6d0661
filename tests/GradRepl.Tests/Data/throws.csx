print("before the failure");
int Divide(int a, int b) => a / b;
var zero = 0;
print(Divide(1, zero));
print("never printed");
