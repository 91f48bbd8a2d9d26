// The program each layer_check_<layer> target links: nothing but main(), so
// that linking it with one layer's whole archive and the layers below proves
// the layer calls nothing above itself (see CMakeLists.txt).
int main() { return 0; }
