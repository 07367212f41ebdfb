"""The built-in voice: eSpeak NG (shipped by the espeakng-loader wheel) through ctypes.

Qt-free, so the self-test, the tests and benchmarks can use it without a sound system;
gui/speech.py plays what it makes through Qt Multimedia.
"""
