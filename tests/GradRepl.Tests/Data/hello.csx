#load "helper.csx"
print("hello", Twice(2.0), null, true, 1e-05);
print("args:", string.Join(",", Args));
