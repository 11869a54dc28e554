#include <cblas.h>

/* LAPACK's divide-and-conquer singular value decomposition, which OpenBLAS provides
   (column-major; the Fortran calling convention: every argument by pointer). */
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s,
             float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork,
             int *iwork, int *info);
