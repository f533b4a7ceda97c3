#include <stdio.h>
#include <math.h>
double exp2_real_cost10(double x);
int main(void) {
  double worst = 0, wx = 0;
  for (long i = 1; i <= 2000000; i++) {
    double x = (double) i / 2000000.0;
    double r = fabsl((long double) exp2_real_cost10(x) / exp2l((long double) x) - 1.0L);
    if (r > worst) { worst = r; wx = x; }
  }
  printf("max rel err on 2e6 grid points: %.6g at %.17g\n", worst, wx);
  return 0;
}
