package dev.aiaas.models;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where a job asks to run; {@link #resolve()} turns it into the device this machine offers. */
public enum DevicePreference {
    /** The first GPU when there is one, else the CPU. */
    AUTO,
    CPU,
    /** The first GPU; refused on a machine without one. */
    GPU;

    /**
     * The device to use here.
     *
     * @throws GpuUnavailableException when a GPU is asked for and the engine sees none
     */
    public Device resolve() {
        if (this == CPU) {
            return Device.cpu();
        }
        boolean gpu = Engine.getInstance().getGpuCount() > 0;
        if (gpu) {
            return Device.gpu();
        }
        if (this == GPU) {
            throw new GpuUnavailableException("this worker has no GPU that " + Engine.getInstance().getEngineName()
                    + " can use: submit the job with device AUTO or CPU, or run it on a worker with a GPU and CUDA natives");
        }
        return Device.cpu();
    }

    /** How a device is reported to users: {@code cpu} or {@code gpu(0)}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }
}
