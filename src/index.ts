// The app itself holds no feature logic: every domain lives in a plugin under plugins/.
export default {
  register() {},
  bootstrap() {},
};
